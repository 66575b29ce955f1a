import StrataTemplates

/// schema.org JSON-LD, so a shared link to a profile is understood as being about a project.
enum StructuredData {
    /// The project as an Organization: its name, summary, the profile's URL (with `base_url`)
    /// and, as `sameAs`, the project's own links (website, docs, repository, …).
    static func organization(_ page: Page, url: String?) -> TemplateHTML {
        var fields: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")), ("@type", .string("Organization")),
            ("name", .string(page.title)),
        ]
        if let summary = page.fields.summary { fields.append(("description", .string(summary))) }
        if let url { fields.append(("url", .string(url))) }
        let links = page.fields.project?.links.map(\.url) ?? []
        if !links.isEmpty { fields.append(("sameAs", .array(links.map(JSONValue.string)))) }
        return TemplateHTML(JSONValue.object(fields).serialized())
    }
}
