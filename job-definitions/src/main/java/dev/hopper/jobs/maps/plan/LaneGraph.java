package dev.hopper.jobs.maps.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The driving aisles as a graph: nodes at ends, bends and crossings; edges between them. */
public record LaneGraph(List<Node> nodes, List<Edge> edges) {

	public LaneGraph {
		nodes = List.copyOf(nodes);
		edges = List.copyOf(edges);
	}

	public static LaneGraph empty() {
		return new LaneGraph(List.of(), List.of());
	}

	public Node node(String id) {
		return this.nodes.stream().filter((n) -> n.id().equals(id)).findFirst().orElseThrow();
	}

	Map<String, Object> toDocument() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("nodes", this.nodes.stream().map((n) -> {
			Map<String, Object> node = new LinkedHashMap<>();
			node.put("id", n.id());
			node.put("point", n.point().toDocument());
			return node;
		}).toList());
		document.put("edges", this.edges.stream().map((e) -> {
			Map<String, Object> edge = new LinkedHashMap<>();
			edge.put("from", e.from());
			edge.put("to", e.to());
			edge.put("oneway", e.oneway());
			return edge;
		}).toList());
		return document;
	}

	public record Node(String id, Point point) {
	}

	/** A one-way edge may be driven only from {@code from} to {@code to}. */
	public record Edge(String from, String to, boolean oneway) {
	}

}
