import Foundation
import PackagePlugin

/// Compiles `Schema/` and `Seeds/` into the library, so that a copied binary
/// can build its knowledge base with no checkout beside it.
///
/// The target reaches the two folders through symbolic links in `EmbeddedData/`,
/// which makes their files part of the target: adding or editing one rebuilds.
@main
struct EmbedSeeds: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target.sourceModule else { return [] }
        let files = module.sourceFiles.map(\.url)
            .filter { ["sql", "tsv"].contains($0.pathExtension) }
            .compactMap { url in Self.packageRelativePath(url).map { (url, $0) } }
            .sorted { $0.1 < $1.1 }
        let inputs = files.map(\.0)
        let relativePaths = files.map(\.1)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSeedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) schema and seed files",
                executable: try context.tool(named: "SeedEmbedder").url,
                arguments: [module.directoryURL.appending(path: "EmbeddedData").path, output.path] + relativePaths,
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    /// `Seeds/drugs/core.tsv` for any path that runs through a `Seeds` or `Schema` folder.
    static func packageRelativePath(_ url: URL) -> String? {
        let parts = url.pathComponents
        guard let start = parts.lastIndex(where: { $0 == "Seeds" || $0 == "Schema" }) else { return nil }
        return parts[start...].joined(separator: "/")
    }
}
