/// robots.txt, and with a base_url, sitemap.xml and an Atom feed.
enum SiteFeeds {
    static func robots(_ config: SiteConfig) -> String {
        var text = "User-agent: *\nAllow: /\n"
        if let base = config.baseURL { text += "Sitemap: \(base)\(GeneratedURLs.sitemap)\n" }
        return text
    }

    static func sitemap(_ site: Site, base: String) -> String {
        var xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        var urls: [(String, Day?)] = site.pages.filter { $0.kind != .sectionIntro }.map {
            ($0.url, $0.updated ?? $0.fields.date)
        }
        let generated = GeneratedURLs.all(for: site).filter {
            $0.hasSuffix("/") && site.byURL[$0] == nil && !$0.isEmpty
        }
        urls += generated.map { ($0, nil) }
        for (url, day) in urls.sorted(by: { $0.0 < $1.0 }) {
            xml += "  <url><loc>\(HTML.escape(base + url))</loc>"
            if let day { xml += "<lastmod>\(day)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// The newest notes and profiles, by date then updated.
    static func feed(_ site: Site, base: String, limit: Int = 50) -> String {
        let entries = (site.notes + site.projects)
            .filter { site.pages[$0].fields.date ?? site.pages[$0].updated != nil }
            .sorted { SiteModel.newerFirst(site.pages[$0], site.pages[$1]) }
            .prefix(limit)
        let newest = entries.compactMap { site.pages[$0].updated ?? site.pages[$0].fields.date }.max()
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        xml += "  <title>\(HTML.escape(site.config.title))</title>\n"
        if let description = site.config.description { xml += "  <subtitle>\(HTML.escape(description))</subtitle>\n" }
        xml += "  <link href=\"\(HTML.escape(base))\"/>\n"
        xml += "  <link rel=\"self\" href=\"\(HTML.escape(base + GeneratedURLs.feed))\"/>\n"
        xml += "  <id>\(HTML.escape(base))</id>\n"
        xml += "  <updated>\(timestamp(newest ?? site.today))</updated>\n"
        for index in entries {
            let page = site.pages[index]
            let published = page.fields.date ?? page.updated ?? site.today
            xml += "  <entry>\n"
            xml += "    <title>\(HTML.escape(page.title))</title>\n"
            xml += "    <link href=\"\(HTML.escape(base + page.url))\"/>\n"
            xml += "    <id>\(HTML.escape(base + page.url))</id>\n"
            xml += "    <published>\(timestamp(published))</published>\n"
            xml += "    <updated>\(timestamp(page.updated ?? published))</updated>\n"
            if let summary = page.fields.summary { xml += "    <summary>\(HTML.escape(summary))</summary>\n" }
            xml += "    <author><name>\(HTML.escape(site.config.title))</name></author>\n"
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    private static func timestamp(_ day: Day) -> String { "\(day)T00:00:00Z" }
}
