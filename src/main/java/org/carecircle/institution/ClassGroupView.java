package org.carecircle.institution;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ClassGroup")
public record ClassGroupView(@NonNull AgeGroup ageGroup, Integer classes, int slots, int enrolled) {
    static ClassGroupView of(ClassGroup group) {
        return new ClassGroupView(group.ageGroup, group.classes, group.slots, group.enrolled);
    }
}
