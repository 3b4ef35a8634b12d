/// Time spent per named phase, accumulated over many calls.
struct PhaseTimer {
    private(set) var totals: [(name: String, duration: Duration)] = []
    private let clock = ContinuousClock()

    mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = clock.now
        let result = try body()
        add(name, clock.now - start)
        return result
    }

    mutating func add(_ name: String, _ duration: Duration) {
        if let index = totals.firstIndex(where: { $0.name == name }) {
            totals[index].duration += duration
        } else {
            totals.append((name, duration))
        }
    }

    var total: Duration { totals.reduce(.zero) { $0 + $1.duration } }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
