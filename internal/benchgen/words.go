package benchgen

// words is the vocabulary of generated prose: the language of data and ML
// work, so that tokenising and search see realistic text.
var words = []string{
	"data", "model", "pipeline", "feature", "training", "inference", "latency", "throughput", "schema",
	"warehouse", "lake", "stream", "batch", "query", "table", "column", "index", "partition", "cluster",
	"deploy", "monitor", "drift", "skew", "metric", "accuracy", "precision", "recall", "baseline",
	"experiment", "hypothesis", "sample", "distribution", "variance", "bias", "regression", "classifier",
	"embedding", "vector", "tensor", "gradient", "epoch", "checkpoint", "registry", "artifact", "version",
	"lineage", "governance", "access", "policy", "compliance", "audit", "report", "dashboard", "insight",
	"stakeholder", "requirement", "roadmap", "budget", "team", "review", "quality", "validation", "test",
	"container", "orchestration", "scheduler", "workflow", "trigger", "event", "topic", "consumer", "producer",
	"storage", "bucket", "object", "file", "format", "parquet", "json", "csv", "api", "service", "endpoint",
	"scale", "cost", "resource", "memory", "compute", "gpu", "node", "worker", "queue", "cache", "retry",
	"the", "a", "of", "to", "and", "in", "for", "with", "on", "by", "from", "each", "every", "when", "then",
	"clean", "transform", "load", "extract", "join", "aggregate", "filter", "sort", "merge", "split",
	"careful", "robust", "simple", "fast", "reliable", "shared", "central", "local", "remote", "daily",
}
