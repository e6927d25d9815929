package dev.footing.stats.volume;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.footing.common.problem.Enums;
import dev.footing.common.time.DateParams;
import dev.footing.stats.access.UserAccess;
import dev.footing.stats.facts.CountedSets;
import dev.footing.stats.facts.GroupBy;
import dev.footing.stats.facts.UserClock;
import dev.footing.stats.time.Bucket;
import dev.footing.stats.time.DateRanges;
import io.quarkus.security.Authenticated;

@Path("/api/users/{userId}/volume")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class VolumeResource {

    @Inject
    UserAccess access;

    @Inject
    CountedSets sets;

    @Inject
    UserClock userClock;

    /**
     * Defaults: bucket=week, groupBy=none, to=today in the user's zone, from=the start of the
     * bucket 11 buckets before the one holding to (12 buckets in all).
     */
    @GET
    public Volume volume(@PathParam("userId") String userIdParam, @QueryParam("from") String fromParam,
            @QueryParam("to") String toParam, @QueryParam("bucket") String bucketParam,
            @QueryParam("groupBy") String groupByParam) {
        String userId = access.toRead(userIdParam);
        Bucket bucket = bucketParam == null || bucketParam.isBlank() ? Bucket.WEEK : Enums.parse(Bucket.class, "bucket", bucketParam);
        GroupBy groupBy = groupByParam == null || groupByParam.isBlank() ? GroupBy.NONE : GroupBy.parse("groupBy", groupByParam);
        LocalDate from = DateParams.parse("from", fromParam);
        LocalDate to = DateParams.parse("to", toParam);
        if (to == null) {
            to = userClock.today(userClock.zone(userId));
        }
        if (from == null) {
            LocalDate start = bucket.start(to);
            for (int i = 0; i < 11; i++) {
                start = bucket.start(start.minusDays(1));
            }
            from = start;
        }
        DateRanges.requireOrdered(from, to);
        DateRanges.requireAtMost(bucket, from, to, "from");
        List<VolumeSeries> series = VolumeBuckets.build(sets.volume(userId, from, to, groupBy), from, to, bucket,
                groupBy == GroupBy.NONE ? List.of("all") : List.of());
        return new Volume(userId, from, to, bucket.name().toLowerCase(), groupBy.parameter(), series);
    }
}
