package org.carecircle.network;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.carecircle.api.GeoJson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * What the map page needs besides the API: an online basemap, only when one is configured
 * (carecircle.map.tile-url, e.g. a city's own tile server, Tianditu or Amap) with its credit and datum
 * (WGS84, or GCJ-02 for most Chinese basemaps: the page then moves the basemap's tiles under the
 * WGS84 layers); otherwise the page draws the streets of the extract, as no tile server is reachable offline.
 */
@Path("/map/settings.json")
public class MapSettings {
    @ConfigProperty(name = "carecircle.map.tile-url")
    Optional<String> tileUrl;
    @ConfigProperty(name = "carecircle.map.tile-attribution")
    Optional<String> tileAttribution;
    @ConfigProperty(name = "carecircle.map.tile-datum", defaultValue = "WGS84")
    Datum tileDatum;

    /** The datum a basemap is drawn in. */
    public enum Datum {
        WGS84, GCJ02
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String settings() {
        var settings = GeoJson.JSON.createObjectBuilder();
        tileUrl.ifPresent(url -> settings.add("tileUrl", url));
        tileAttribution.ifPresent(text -> settings.add("tileAttribution", text));
        settings.add("tileDatum", tileDatum.name());
        return settings.build().toString();
    }
}
