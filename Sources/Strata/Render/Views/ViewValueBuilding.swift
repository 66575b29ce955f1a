import StrataTemplates

// The views every page is given, building their own template values (`TemplateValueBuilding`):
// each names its fields in the order it declares them. `ViewValueTests` checks every one
// against what `TemplateEncoder` makes of it, on every page of the repository's own site.

extension CommonPage: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("site", site)
        fields.add("root", root)
        fields.add("title", title)
        fields.add("isHome", isHome)
        fields.add("nav", nav)
        fields.add("searchURL", searchURL)
        fields.add("assets", assets)
        fields.add("description", description)
        fields.add("canonical", canonical)
        fields.add("feedURL", feedURL)
        fields.add("generator", generator)
        fields.add("structuredData", structuredData)
        fields.add("breadcrumbs", breadcrumbs)
        return fields.value
    }
}

extension Crumb: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("title", title)
        fields.add("url", url)
        return fields.value
    }
}

extension SiteValues: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("title", title)
        fields.add("description", description)
        fields.add("language", language)
        return fields.value
    }
}

extension NavEntry: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("title", title)
        fields.add("url", url)
        fields.add("current", current)
        return fields.value
    }
}

extension LayoutView: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("body", body)
        fields.add("template", template)
        return fields.value
    }
}

extension TermLink: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("name", name)
        fields.add("url", url)
        return fields.value
    }
}

extension PageItemFields: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("title", title)
        fields.add("url", url)
        fields.add("kind", kind)
        fields.add("summary", summary)
        fields.add("date", date)
        fields.add("updated", updated)
        fields.add("verdict", verdict)
        fields.add("status", status)
        fields.add("sector", sector)
        fields.add("root", root)
        fields.add("assets", assets)
        fields.add("site", site)
        return fields.value
    }
}

extension ItemFragments: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("html", html)
        fields.add("card", card)
        return fields.value
    }
}

extension ContentPage: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("content", content)
        fields.add("sources", sources)
        fields.add("hasSources", hasSources)
        fields.add("backlinks", backlinks)
        fields.add("hasBacklinks", hasBacklinks)
        fields.add("tags", tags)
        fields.add("hasTags", hasTags)
        fields.add("layers", layers)
        fields.add("hasLayers", hasLayers)
        fields.add("kind", kind)
        fields.add("summary", summary)
        fields.add("date", date)
        fields.add("updated", updated)
        fields.add("reviewed", reviewed)
        fields.add("stale", stale)
        fields.add("editURL", editURL)
        fields.add("historyURL", historyURL)
        fields.add("repoURL", repoURL)
        fields.add("repoBranch", repoBranch)
        fields.add("sourcePath", sourcePath)
        fields.add("toc", toc)
        fields.add("hasTOC", hasTOC)
        return fields.value
    }
}

extension TOCEntry: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("id", id)
        fields.add("text", text)
        fields.add("level", level)
        return fields.value
    }
}

extension SourceEntry: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("number", number)
        fields.add("id", id)
        fields.add("title", title)
        fields.add("url", url)
        fields.add("author", author)
        fields.add("publisher", publisher)
        fields.add("published", published)
        fields.add("accessed", accessed)
        fields.add("backrefs", backrefs)
        return fields.value
    }
}

extension Backref: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("href", href)
        fields.add("label", label)
        return fields.value
    }
}

extension ProfilePage: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("direction", direction)
        fields.add("sector", sector)
        fields.add("status", status)
        fields.add("statusAsOf", statusAsOf)
        fields.add("token", token)
        fields.add("tokenAsOf", tokenAsOf)
        fields.add("tokenClass", tokenClass)
        fields.add("chains", chains)
        fields.add("hasChains", hasChains)
        fields.add("launched", launched)
        fields.add("links", links)
        fields.add("hasLinks", hasLinks)
        fields.add("relations", relations)
        fields.add("hasRelations", hasRelations)
        fields.add("graph", graph)
        fields.add("mapURL", mapURL)
        fields.add("metrics", metrics)
        fields.add("hasMetrics", hasMetrics)
        fields.add("assessment", assessment)
        fields.add("verdict", verdict)
        fields.add("stack", stack)
        return fields.value
    }
}

extension AsOf: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("date", date)
        fields.add("sourceNumber", sourceNumber)
        return fields.value
    }
}

extension LinkEntry: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("kind", kind)
        fields.add("url", url)
        return fields.value
    }
}

extension RelationGroup: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("label", label)
        fields.add("items", items)
        return fields.value
    }
}

extension RelationNote: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("note", note)
        return fields.value
    }
}

extension MetricEntry: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("name", name)
        fields.add("value", value)
        fields.add("asOf", asOf)
        fields.add("source", source)
        fields.add("sourceNumber", sourceNumber)
        return fields.value
    }
}

extension AssessmentEntry: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("key", key)
        fields.add("question", question)
        fields.add("answer", answer)
        fields.add("note", note)
        return fields.value
    }
}

extension StackLayerFields: TemplateValueBuilding {
    func buildValue() -> TemplateValue {
        var fields = TemplateFields()
        fields.add("slug", slug)
        fields.add("order", order)
        fields.add("projects", projects)
        fields.add("hasProjects", hasProjects)
        fields.add("count", count)
        fields.add("more", more)
        fields.add("current", current)
        return fields.value
    }
}
