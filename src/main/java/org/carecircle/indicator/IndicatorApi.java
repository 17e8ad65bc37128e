package org.carecircle.indicator;

import jakarta.inject.Inject;
import org.carecircle.api.HeavyWork;
import org.carecircle.api.Language;
import org.carecircle.api.Paging;
import org.carecircle.area.AreaLevel;
import org.carecircle.coverage.CoverageParameters;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;
import java.util.function.Function;
import java.util.concurrent.CompletionStage;

@GraphQLApi
public class IndicatorApi {
    @Inject
    HeavyWork heavyWork;
    @Inject
    IndicatorService service;
    @Inject
    Paging paging;

    @Query
    @Description("Policy indicators against a target set (see targetSets): for the whole dataset and every area, or "
            + "only areas of one level, or one area. Each gives its value, the target, met or not, and the gap.")
    public @NonNull CompletionStage<IndicatorViews.Report> indicators(@NonNull TargetSetId targetSet,
                                                                      CoverageParameters parameters, AreaLevel level,
                                                                      String areaCode) {
        return heavyWork.offloaded(() -> service.indicators(targetSet.name(), parameters, level, areaCode));
    }

    @Query
    @Description("The policy target sets an indicator request may pick, with their sources")
    public @NonNull List<IndicatorViews.@NonNull TargetSetView> targetSets() {
        return service.targetSets().stream().map(IndicatorViews.TargetSetView::of).toList();
    }

    @Description("The whole dataset first (area null) when neither level nor areaCode is given, then each area in code "
            + "order, a page at a time")
    public @NonNull IndicatorViews.AreaIndicatorsConnection areas(@Source IndicatorViews.Report report,
                                                                  @Description(Paging.FIRST) Integer first,
                                                                  @Description(Paging.AFTER) String after,
                                                                  @Description(Paging.LAST) Integer last,
                                                                  @Description(Paging.BEFORE) String before) {
        // the whole dataset's key, empty, sorts before every code
        Function<IndicatorViews.AreaIndicators, String> key = entry -> entry.area() == null ? "" : entry.area().code();
        return IndicatorViews.AreaIndicatorsConnection.of(paging.request(first, after, last, before)
                .page(report.areas(), key, Function.identity()));
    }

    @Description("The indicator's name")
    public @NonNull String label(@Source IndicatorViews.IndicatorView value, @DefaultValue("ZH") @Description(Language.CHOICE)
                                 Language language) {
        return IndicatorWords.name(value.indicator(), Language.orDefault(language));
    }

    @Description("Which numerator over which denominator, in words")
    public @NonNull String definition(@Source IndicatorViews.IndicatorView value, @DefaultValue("ZH")
                                      @Description(Language.CHOICE) Language language) {
        return IndicatorWords.definition(value.indicator(), Language.orDefault(language));
    }

    @Description("What closes the gap, in words: the amount, the unit and the areas still without")
    public @NonNull String text(@Source IndicatorViews.Gap gap, @DefaultValue("ZH") @Description(Language.CHOICE) Language language) {
        return gap.text(Language.orDefault(language));
    }

    @Description("The document's name")
    public @NonNull String name(@Source IndicatorViews.TargetSetView set, @DefaultValue("ZH") @Description(Language.CHOICE)
                                Language language) {
        return set.name(Language.orDefault(language));
    }
}
