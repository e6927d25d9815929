-- The W3C trace context (traceparent) of the request that wrote the event: the relay sends it as
-- the record's traceparent header, so a consumer continues the request's trace. Null when the
-- request carried none and no span was active.
alter table outbox_event add column traceparent text;
