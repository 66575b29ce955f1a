import StrataTemplates

// The views of the large index pages (the comparison table, the scorecard, the landscape, the
// relation maps), which list every profile, building their own template values as
// `ViewValueBuilding.swift` does for the views of every page. `ViewValueTests` checks each
// against its encoding.

extension ProjectsIndex: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("intro", intro)
        fields.add("rows", rows)
        fields.add("count", count)
        fields.add("filters", filters)
        return fields.value
    }
}

extension ProjectRow: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("slug", slug)
        fields.add("layers", layers)
        fields.add("layerSlugs", layerSlugs)
        fields.add("direction", direction)
        fields.add("directionLabel", directionLabel)
        fields.add("sector", sector)
        fields.add("status", status)
        fields.add("token", token)
        fields.add("chains", chains)
        fields.add("chainSlugs", chainSlugs)
        fields.add("verdict", verdict)
        return fields.value
    }
}

extension ProjectFilter: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("name", name)
        fields.add("label", label)
        fields.add("options", options)
        return fields.value
    }
}

extension FilterOption: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("value", value)
        fields.add("label", label)
        fields.add("count", count)
        return fields.value
    }
}

extension ScorecardIndex: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("questions", questions)
        fields.add("rows", rows)
        return fields.value
    }
}

extension RubricQuestion: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("key", key)
        fields.add("question", question)
        return fields.value
    }
}

extension ScorecardRow: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("answers", answers)
        fields.add("verdict", verdict)
        fields.add("yes", yes)
        return fields.value
    }
}

extension ScorecardCell: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("answer", answer)
        fields.add("key", key)
        fields.add("note", note)
        return fields.value
    }
}

extension LandscapeIndex: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("intro", intro)
        fields.add("layers", layers)
        fields.add("count", count)
        return fields.value
    }
}

extension LandscapeLayer: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("slug", slug)
        fields.add("count", count)
        fields.add("sectors", sectors)
        fields.add("hasSectors", hasSectors)
        return fields.value
    }
}

extension SectorGroup: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("name", name)
        fields.add("url", url)
        fields.add("count", count)
        fields.add("cards", cards)
        return fields.value
    }
}

extension MapIndex: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("intro", intro)
        fields.add("graph", graph)
        fields.add("legend", legend)
        fields.add("hasLegend", hasLegend)
        fields.add("relations", relations)
        fields.add("hasRelations", hasRelations)
        fields.add("isSplit", isSplit)
        fields.add("layerMaps", layerMaps)
        fields.add("profiles", profiles)
        return fields.value
    }
}

extension MapLegendEntry: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("label", label)
        fields.add("swatch", swatch)
        fields.add("count", count)
        return fields.value
    }
}

extension MapRelationGroup: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("label", label)
        fields.add("items", items)
        return fields.value
    }
}

extension MapRelation: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("source", source)
        fields.add("sourceURL", sourceURL)
        fields.add("verb", verb)
        fields.add("target", target)
        fields.add("targetURL", targetURL)
        fields.add("note", note)
        return fields.value
    }
}

extension MapLayerLink: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("title", title)
        fields.add("url", url)
        fields.add("count", count)
        fields.add("current", current)
        return fields.value
    }
}
