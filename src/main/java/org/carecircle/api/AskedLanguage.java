package org.carecircle.api;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;

/** The language a download or summary is asked in, as one parameter: {@code ?language=zh|en}, else Accept-Language. */
public class AskedLanguage {
    @QueryParam("language")
    String parameter;
    @HeaderParam("Accept-Language")
    String acceptLanguage;

    public Language language() {
        return Language.of(parameter, acceptLanguage);
    }
}
