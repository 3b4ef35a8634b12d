import CoreMetrics
import Prometheus

/// The Prometheus registry behind swift-metrics, and its text exposition format.
package final class PrometheusExposition: Sendable {
    private let registry = PrometheusCollectorRegistry()

    package init() {}

    /// Makes this registry the process's metrics backend. Once per process, before
    /// `DaemonMetrics.shared` is first used (only the executable calls it).
    package func bootstrapMetricsSystem() {
        MetricsSystem.bootstrap(factory)
    }

    /// The factory that records into this registry (tests use it without bootstrapping).
    package var factory: any MetricsFactory { PrometheusCatalogFactory(registry: registry) }

    /// Every metric in the text format (version 0.0.4), as node_exporter's textfile collector reads it.
    package func text() -> [UInt8] { registry.emitToBuffer() }
}
