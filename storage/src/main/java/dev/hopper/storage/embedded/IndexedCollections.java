package dev.hopper.storage.embedded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiPredicate;
import java.util.function.Function;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Reads the server would make by scanning, made from an index. A query that pins
 * {@code _id} among other fields (every conditional task update) is read from the id index,
 * which the server uses only for {@code _id} alone. A page sorted by {@code _id} alone with a
 * limit is read the way real MongoDB reads it from an index ending in {@code _id}: an
 * {@link EqualityIndex} that can answer it hands its candidates in id order, and reading
 * stops once the page is full, where the server would fetch, check and sort every candidate
 * to return a hundred.
 */
final class IndexedCollections {

	private IndexedCollections() {
	}

	/**
	 * The documents matching {@code query} that the server's order, skip and limit pick
	 * from (every one the id pins, or the first {@code skip + limit} in the order asked), or
	 * empty when no index reads it that way (the server then does as usual).
	 */
	static <P> Optional<List<Document>> firstMatches(List<Index<P>> indexes, Document query, Document orderBy, int skip,
			int limit, Function<P, @Nullable Document> load, BiPredicate<Document, Document> matches) {
		Optional<List<Document>> pinned = byId(indexes, query).map((positions) -> {
			List<Document> found = new ArrayList<>();
			for (P position : positions) {
				Document document = load.apply(position);
				if (document != null && matches.test(document, query)) {
					found.add(document);
				}
			}
			return found;
		});
		if (pinned.isPresent()) {
			return pinned;
		}
		Boolean descending = idOrder(orderBy);
		if (descending == null || limit <= 0) {
			return Optional.empty();
		}
		for (Index<P> index : indexes) {
			if (index instanceof EqualityIndex<P> equality && equality.canHandle(query)) {
				List<Document> found = new ArrayList<>();
				Iterator<P> candidates = equality.inIdOrder(query, descending);
				while (candidates.hasNext() && found.size() < skip + limit) {
					Document document = load.apply(candidates.next());
					if (document != null && matches.test(document, query)) {
						found.add(document);
					}
				}
				return Optional.of(found);
			}
		}
		return Optional.empty();
	}

	/**
	 * How many documents match {@code query} (after {@code skip}, at most {@code limit}, 0:
	 * no limit): from an equality index's sizes when the query asks nothing else, else by
	 * checking its candidates until the limit is reached; empty when no equality index can.
	 */
	static <P> OptionalInt count(List<Index<P>> indexes, Document query, int skip, int limit,
			Function<P, @Nullable Document> load, BiPredicate<Document, Document> matches) {
		for (Index<P> index : indexes) {
			if (index instanceof EqualityIndex<P> equality && equality.canHandle(query)) {
				long known = equality.countWithoutReading(query);
				long wanted = (limit > 0) ? (long) skip + limit : Long.MAX_VALUE;
				long counted = 0;
				if (known >= 0) {
					counted = Math.min(known, wanted);
				}
				else {
					Iterator<P> candidates = equality.inIdOrder(query, false);
					while (candidates.hasNext() && counted < wanted) {
						Document document = load.apply(candidates.next());
						if (document != null && matches.test(document, query)) {
							counted++;
						}
					}
				}
				return OptionalInt.of((int) Math.max(0, counted - skip));
			}
		}
		return OptionalInt.empty();
	}

	/** The positions of the ids a query pins {@code _id} to (a value among other fields, or an {@code $in}), from the id index. */
	private static <P> Optional<List<P>> byId(List<Index<P>> indexes, Document query) {
		List<Object> ids = pinnedIds(query);
		if (ids == null) {
			return Optional.empty();
		}
		for (Index<P> index : indexes) {
			if (index.isUnique() && index.getKeys().size() == 1 && "_id".equals(index.getKeys().get(0).getKey())) {
				List<P> positions = new ArrayList<>();
				for (Object id : ids) {
					index.getPositions(new Document("_id", id)).forEach(positions::add);
				}
				return Optional.of(positions);
			}
		}
		return Optional.empty();
	}

	/** The ids {@code query} pins {@code _id} to, or null when the server reads it well itself or it pins none. */
	private static @Nullable List<Object> pinnedIds(Document query) {
		Object id = query.get("_id");
		if (id instanceof Document operators && operators.size() == 1 && operators.get("$in") instanceof Collection<?> in
				&& in.size() <= 1_000 && in.stream().allMatch(IndexedCollections::plain)) {
			return new ArrayList<>(new java.util.LinkedHashSet<>(in));
		}
		return (query.size() >= 2 && plain(id)) ? List.of(id) : null;
	}

	private static boolean plain(@Nullable Object value) {
		return value != null && !(value instanceof java.util.regex.Pattern) && !(value instanceof Collection<?>)
				&& !(value instanceof Document document && document.keySet().stream().anyMatch((key) -> key.startsWith("$")));
	}

	/** True for {@code {_id: -1}}, false for {@code {_id: 1}}, null for any other order. */
	private static @Nullable Boolean idOrder(@Nullable Document orderBy) {
		if (orderBy == null || orderBy.size() != 1 || !(orderBy.get("_id") instanceof Number direction)) {
			return null;
		}
		return direction.intValue() < 0;
	}

}
