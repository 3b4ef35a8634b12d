import LinuxIO
import SystemPackage

/// What `bulletind ingest PATH...` will read: files as given, folders expanded.
package struct BatchInputs: Sendable {
    package struct File: Sendable, Equatable {
        package let path: FilePath
        /// Bytes, for the progress bar's rate and ETA.
        package let size: Int64
    }

    package var files: [File] = []
    /// Sub-folders passed over because recursion was not asked for.
    package var skippedFolders = 0

    /// A folder gives its files in lexicographic name order; with `recursive`, each sub-folder's
    /// files come where the sub-folder's name falls, so an archive laid out by date
    /// (`2013/01/02.txt`) is ingested in date order. A path that does not exist is an error
    /// before anything is ingested, rather than a rejection found in the summary afterwards.
    package static func expand(_ paths: [FilePath], recursive: Bool) throws(BatchInputError) -> BatchInputs {
        var inputs = BatchInputs()
        for path in paths {
            let found: FileSignature?
            do { found = try FileSignature.lookUp(path) } catch { throw BatchInputError(path: path, failure: error) }
            guard let signature = found else { throw BatchInputError(path: path) }
            if isFolder(path) {
                inputs.add(folder: path, recursive: recursive)
            } else {
                inputs.files.append(File(path: path, size: signature.size))
            }
        }
        return inputs
    }

    private mutating func add(folder: FilePath, recursive: Bool) {
        guard let entries = try? DirectoryListing.entries(of: folder) else { return }
        for entry in entries {
            let path = entry.name.path(in: folder)
            if entry.kind == .directory || (entry.kind == .unknown && Self.isFolder(path)) {
                if recursive { add(folder: path, recursive: true) } else { skippedFolders += 1 }
            } else {
                files.append(File(path: path, size: FileSignature.of(path)?.size ?? 0))
            }
        }
    }

    private static func isFolder(_ path: FilePath) -> Bool { (try? DirectoryListing.entries(of: path)) != nil }
}

/// A path on the command line that is not there, or that cannot be looked at (EIO, EACCES).
package struct BatchInputError: Error, Sendable, CustomStringConvertible {
    package let path: FilePath
    /// Why it could not be looked at; nil: there is no such file.
    package var failure: IOFailure? = nil

    package var description: String {
        if let failure { return "\(failure) (nothing was ingested)" }
        return "no such file or folder: '\(path)'; check the path (nothing was ingested)"
    }
}
