package dev.footing.stats.dashboard;

/** Where the browser pages reach the other services: the training page reads the catalog and logs sets. */
public record ServiceUrls(String catalog, String session) {

    static ServiceUrls of(String catalog, String session) {
        return new ServiceUrls(catalog.strip().replaceAll("/+$", ""), session.strip().replaceAll("/+$", ""));
    }
}
