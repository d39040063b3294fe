/// Numbers for the sources a report cites, in the order first cited.
struct ReferenceNumbers {
    /// Source ids, each once; the number of an id is its index + 1.
    let ids: [String]
    private let numbers: [String: Int]

    init(_ cited: [String]) {
        var ids: [String] = []
        var numbers: [String: Int] = [:]
        for id in cited where numbers[id] == nil {
            ids.append(id)
            numbers[id] = ids.count
        }
        self.ids = ids
        self.numbers = numbers
    }

    /// "[1,3]" for these sources (no space, so a citation never wraps apart); empty when none.
    func cite(_ sources: [String]) -> String {
        let cited = sources.compactMap { numbers[$0] }
        return cited.isEmpty ? "" : "[" + cited.map(String.init).joined(separator: ",") + "]"
    }
}
