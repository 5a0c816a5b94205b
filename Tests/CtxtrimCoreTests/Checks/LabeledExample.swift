import Testing

@testable import CtxtrimCore

/// One example of a check's descriptor, named for the test list: the walk checks' and the lint checks' example
/// tests both run every example of their registry.
struct LabeledExample: CustomTestStringConvertible, Sendable {
    let checkID: CheckID
    let severity: Severity
    let example: CheckExample
    var testDescription: String { "\(checkID): \(example.label) (\(example.triggers ? "triggers" : "quiet"))" }

    /// Every example of `descriptors`, in order.
    static func all(of descriptors: [CheckDescriptor]) -> [LabeledExample] {
        descriptors.flatMap { descriptor in
            descriptor.examples.map {
                LabeledExample(checkID: descriptor.id, severity: descriptor.defaultSeverity, example: $0)
            }
        }
    }
}
