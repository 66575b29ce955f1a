/// The site model as views see it: the same names as `Site` and `ResolvedSite`, and each read
/// noted in a `ReadLog` when there is one (`strata serve`); `strata build` has none.
struct SiteReads {
    let whole: Site
    let log: ReadLog?

    var config: SiteConfig { whole.config }
    var pages: Indexed<Page> { Indexed(whole.pages, log) { .page($0) } }

    var projects: [Int] { read(.projects, whole.projects) }
    var notes: [Int] { read(.notes, whole.notes) }
    var layers: [Int] { read(.layers, whole.layers) }
    var plainPages: [Int] { read(.plainPages, whole.plainPages) }
    var sectionIntros: [String: Int] { read(.sectionIntros, whole.sectionIntros) }
    var projectsByLayer: Keyed { Keyed(whole.projectsByLayer, log, SiteList.layerProjects) }
    var notesByLayer: Keyed { Keyed(whole.notesByLayer, log, SiteList.layerNotes) }
    var chains: [Term] { terms(.chains) }
    var folders: [FolderSection] { read(.folders, whole.folders) }

    /// The list page a plain page is listed on, if any.
    func folder(of index: Int) -> FolderSection? { read(.folders, whole.folder(of: index)) }

    /// The page at a URL: which pages exist changes only with the files, which rebuilds all.
    func page(at url: String) -> Int? { whole.byURL[url] }

    func terms(_ taxonomy: GeneratedURLs.Taxonomy) -> [Term] { read(.terms(taxonomy), taxonomy.terms(in: whole)) }

    /// A layer or project by slug: which pages exist changes only with the files, which rebuilds all.
    func layer(_ slug: String) -> Int? { whole.layer(slug) }

    private func read<Value>(_ list: SiteList, _ value: Value) -> Value {
        log?.insert(.list(list))
        return value
    }

    /// Lists by layer slug (`projectsByLayer`), each read noted as that layer's list.
    struct Keyed {
        let table: [String: [Int]]
        let log: ReadLog?
        let list: (String) -> SiteList

        init(_ table: [String: [Int]], _ log: ReadLog?, _ list: @escaping (String) -> SiteList) {
            (self.table, self.log, self.list) = (table, log, list)
        }

        subscript(slug: String) -> [Int]? {
            log?.insert(.list(list(slug)))
            return table[slug]
        }
    }
}

/// The resolve stage's results per page (backlinks, relations, review state), reads noted.
struct ResolvedReads {
    let whole: ResolvedSite
    let log: ReadLog?

    var backlinks: Indexed<[Int]> { Indexed(whole.backlinks, log) { .backlinks($0) } }
    var relationsOut: Indexed<[RelationEdge]> { Indexed(whole.relationsOut, log) { .relations($0) } }
    var relationsIn: Indexed<[RelationEdge]> { Indexed(whole.relationsIn, log) { .relations($0) } }
    var stale: Indexed<Bool> { Indexed(whole.stale, log) { .stale($0) } }
}

/// An array of per-page values whose reads are noted as `input(index)`.
struct Indexed<Element> {
    let elements: [Element]
    let log: ReadLog?
    let input: (Int) -> RenderInput

    init(_ elements: [Element], _ log: ReadLog?, _ input: @escaping (Int) -> RenderInput) {
        (self.elements, self.log, self.input) = (elements, log, input)
    }

    /// Lends the element rather than copying it (a page is a large value, and most reads want
    /// one field of it). A `_read` that yields `elements[index]` would copy it: Array's getter
    /// returns a copy, which a coroutine cannot narrow to the field read. The address stays good
    /// for the access: `elements` is a constant of this value, which the access holds.
    subscript(index: Int) -> Element {
        unsafeAddress {
            log?.insert(input(index))
            precondition(elements.indices.contains(index), "index \(index) out of range")
            return elements.withUnsafeBufferPointer { UnsafePointer($0.baseAddress.unsafelyUnwrapped + index) }
        }
    }

    var indices: Range<Int> { elements.indices }
}
