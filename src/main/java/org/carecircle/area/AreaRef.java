package org.carecircle.area;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** An area named from another record (an institution's area, an area's parent). */
@Type("AreaRef")
public record AreaRef(@NonNull String code, @NonNull String name, @NonNull AreaLevel level) {
    public static AreaRef of(Area area) {
        return area == null ? null : new AreaRef(area.code, area.name, area.level);
    }
}
