package dev.hopper.storage.embedded;

import java.util.ArrayList;
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
 * A page read the way real MongoDB reads it from an index ending in {@code _id}: for a
 * query sorted by {@code _id} alone with a limit, an {@link EqualityIndex} that can answer
 * it hands its candidates in id order, and reading stops once the page is full. Without
 * this the server would fetch, check and sort every candidate to return a hundred.
 */
final class IndexedCollections {

	private IndexedCollections() {
	}

	/**
	 * The first {@code skip + limit} documents matching {@code query} in the order asked,
	 * or empty when no equality index can read it that way (the server then does as usual).
	 */
	static <P> Optional<List<Document>> firstMatches(List<Index<P>> indexes, Document query, Document orderBy, int skip,
			int limit, Function<P, @Nullable Document> load, BiPredicate<Document, Document> matches) {
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

	/** True for {@code {_id: -1}}, false for {@code {_id: 1}}, null for any other order. */
	private static @Nullable Boolean idOrder(@Nullable Document orderBy) {
		if (orderBy == null || orderBy.size() != 1 || !(orderBy.get("_id") instanceof Number direction)) {
			return null;
		}
		return direction.intValue() < 0;
	}

}
