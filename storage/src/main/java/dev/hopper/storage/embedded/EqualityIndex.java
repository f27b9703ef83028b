package dev.hopper.storage.embedded;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * A non-unique secondary index for the embedded MongoDB, which has none of its own (it
 * scans the collection for every query that is not on {@code _id}). It answers queries
 * that pin each of its leading keys to a value or a short list of values: it hands the
 * server the documents with those values, and the server still checks every candidate
 * against the whole query and sorts them, so an index can only make a query faster,
 * never change its answer. Trailing {@code _id} keys (the sort order on real MongoDB) are
 * not needed for that and are left out.
 *
 * <p>The server asks its indexes in turn and takes the first that accepts, so the
 * indexes of one collection know each other ({@code siblings}) and only the one that pins
 * the most keys accepts.
 *
 * @param <P> how the backend addresses a stored document
 */
final class EqualityIndex<P> extends Index<P> {

	/** Value lists are expanded into lookups up to this many; a longer {@code $in} is left to a scan. */
	private static final int MAX_LOOKUPS = 64;

	private static final Object ABSENT = new Object();

	private final List<String> fields;

	private final List<EqualityIndex<P>> siblings;

	/** Positions by key, each in id order (the order task lists are read in). */
	private final Map<List<Object>, ConcurrentSkipListMap<Object, P>> entries = new ConcurrentHashMap<>();

	/** Documents whose indexed value is an array or a document: offered for every query. */
	private final ConcurrentSkipListMap<Object, P> unkeyed = new ConcurrentSkipListMap<>(ValueComparator.asc());

	/** Where each document is filed, by id: the backend may hand over an old document already changed. */
	private final Map<Object, List<Object>> filed = new ConcurrentHashMap<>();

	private static final List<Object> UNKEYED = List.of(new Object());

	EqualityIndex(String name, List<IndexKey> keys, boolean sparse, List<EqualityIndex<P>> siblings) {
		super(name, keys, sparse);
		this.fields = keys.stream().map(IndexKey::getKey).takeWhile((field) -> !field.equals("_id")).toList();
		this.siblings = siblings;
		siblings.add(this);
	}

	static <P> List<EqualityIndex<P>> newSiblings() {
		return new CopyOnWriteArrayList<>();
	}

	@Override
	public boolean canHandle(Document query) {
		int pinned = pinnedBy(query);
		if (pinned == 0) {
			return false;
		}
		for (EqualityIndex<P> other : this.siblings) {
			if (other == this) {
				break;
			}
			if (other.pinnedBy(query) >= pinned) {
				return false; // an earlier index does at least as well
			}
		}
		return this.siblings.stream().noneMatch((other) -> other.pinnedBy(query) > pinned);
	}

	@Override
	public Iterable<P> getPositions(Document query) {
		Set<P> positions = new LinkedHashSet<>(this.unkeyed.values());
		for (List<Object> key : lookups(query)) {
			Map<Object, P> found = this.entries.get(key);
			if (found != null) {
				positions.addAll(found.values());
			}
		}
		return positions;
	}

	/**
	 * The candidates for {@code query} in id order, read lazily: a query sorted by id with a
	 * limit reads only as far as its page ({@link IndexedCollections}).
	 */
	Iterator<P> inIdOrder(Document query, boolean descending) {
		Comparator<Object> order = descending ? ValueComparator.desc() : ValueComparator.asc();
		PriorityQueue<Head<P>> heads = new PriorityQueue<>((a, b) -> order.compare(a.id, b.id));
		List<Map<Object, P>> sources = new ArrayList<>();
		sources.add(this.unkeyed);
		for (List<Object> key : lookups(query)) {
			ConcurrentSkipListMap<Object, P> found = this.entries.get(key);
			if (found != null) {
				sources.add(found);
			}
		}
		for (Map<Object, P> source : sources) {
			NavigableMap<Object, P> sorted = (NavigableMap<Object, P>) source;
			Head.next((descending ? sorted.descendingMap() : sorted).entrySet().iterator(), heads);
		}
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return !heads.isEmpty();
			}

			@Override
			public P next() {
				Head<P> head = heads.remove();
				Head.next(head.rest, heads);
				return head.position;
			}

		};
	}

	/** The keys {@code query} pins, every combination of its values. */
	private List<List<Object>> lookups(Document query) {
		Map<String, List<Object>> pins = pins(query);
		List<List<Object>> keys = new ArrayList<>();
		keys.add(List.of());
		for (String field : this.fields) {
			List<List<Object>> longer = new ArrayList<>();
			for (List<Object> prefix : keys) {
				for (Object value : pins.get(field)) {
					List<Object> key = new ArrayList<>(prefix);
					key.add(value);
					longer.add(key);
				}
			}
			keys = longer;
		}
		return keys.stream().distinct().toList(); // {$in: [a, a]} is one lookup
	}

	/** How many of this index's fields the query pins (all or nothing), 0 if it cannot answer it. */
	private int pinnedBy(Document query) {
		if (this.fields.isEmpty()) {
			return 0;
		}
		Map<String, List<Object>> pins = pins(query);
		long lookups = 1;
		for (String field : this.fields) {
			List<Object> values = pins.get(field);
			if (values == null) {
				return 0;
			}
			lookups *= values.size();
		}
		return (lookups <= MAX_LOOKUPS) ? this.fields.size() : 0;
	}

	/** Each field the query pins to values it can look up: top-level equalities and {@code $in}, also under {@code $and}. */
	private static Map<String, List<Object>> pins(Document query) {
		return Shape.of(query).pins();
	}

	/**
	 * How many documents match {@code query}, from the index alone, when the query is
	 * nothing but this index's pinned fields; -1 when the documents must be read to tell.
	 */
	long countWithoutReading(Document query) {
		Shape shape = Shape.of(query);
		if (!this.unkeyed.isEmpty() || !shape.exact() || !shape.pins().keySet().equals(Set.copyOf(this.fields))) {
			return -1;
		}
		long count = 0;
		for (List<Object> key : lookups(query)) {
			ConcurrentSkipListMap<Object, P> found = this.entries.get(key);
			if (found != null) {
				count += (shape.ids() == null) ? found.size() : shape.ids().count(found);
			}
		}
		return count;
	}

	/**
	 * What a query asks of its fields.
	 *
	 * @param pins the fields it pins to values that can be looked up
	 * @param exact whether it asks nothing else: no other condition on any field, no other operator
	 * @param ids the bounds it puts on {@code _id} (a page's "before this id", a queue position), if any
	 */
	private record Shape(Map<String, List<Object>> pins, boolean exact, @Nullable IdRange ids) {

		/** The last query read on this thread: every index of the collection asks about the same one in turn. */
		private static final ThreadLocal<Map.Entry<Document, Shape>> LAST = new ThreadLocal<>();

		static Shape of(Document query) {
			Map.Entry<Document, Shape> last = LAST.get();
			if (last != null && last.getKey() == query) {
				return last.getValue();
			}
			Map<String, List<Object>> pins = new java.util.HashMap<>();
			List<IdRange> ids = new ArrayList<>(1);
			boolean exact = collect(query, pins, ids) && ids.size() <= 1;
			Shape shape = new Shape(pins, exact, ids.isEmpty() ? null : ids.get(0));
			LAST.set(Map.entry(query, shape));
			return shape;
		}

		/** Adds what {@code query} pins and the id bounds it sets; true when that is everything it constrains. */
		private static boolean collect(Document query, Map<String, List<Object>> pins, List<IdRange> ids) {
			boolean exact = true;
			for (Map.Entry<String, Object> entry : query.entrySet()) {
				IdRange range = entry.getKey().equals("_id") ? IdRange.of(entry.getValue()) : null;
				if (range != null) {
					ids.add(range);
				}
				else if (entry.getKey().equals("$and") && entry.getValue() instanceof List<?> parts) {
					for (Object part : parts) {
						exact &= (part instanceof Document clause) && collect(clause, pins, ids);
					}
				}
				else if (entry.getKey().startsWith("$")) {
					exact = false;
				}
				else {
					List<Object> values = lookupValues(entry.getValue());
					if (values == null) {
						exact = false;
					}
					else if (pins.containsKey(entry.getKey())) {
						pins.merge(entry.getKey(), values, (a, b) -> a.stream().filter(b::contains).toList());
						exact = false; // pinned twice: counted the simple way
					}
					else {
						pins.put(entry.getKey(), values);
					}
				}
			}
			return exact;
		}

	}

	/** String bounds on {@code _id}, as MongoDB compares them: only strings fall inside. */
	private record IdRange(@Nullable String lower, boolean lowerIncluded, @Nullable String upper,
			boolean upperIncluded) {

		static @Nullable IdRange of(@Nullable Object condition) {
			if (!(condition instanceof Document operators) || operators.isEmpty()) {
				return null;
			}
			String lower = null;
			String upper = null;
			boolean lowerIncluded = false;
			boolean upperIncluded = false;
			for (Map.Entry<String, Object> bound : operators.entrySet()) {
				if (!(bound.getValue() instanceof String value)) {
					return null;
				}
				switch (bound.getKey()) {
					case "$gt", "$gte" -> {
						if (lower != null) {
							return null;
						}
						lower = value;
						lowerIncluded = bound.getKey().equals("$gte");
					}
					case "$lt", "$lte" -> {
						if (upper != null) {
							return null;
						}
						upper = value;
						upperIncluded = bound.getKey().equals("$lte");
					}
					default -> {
						return null;
					}
				}
			}
			return new IdRange(lower, lowerIncluded, upper, upperIncluded);
		}

		/** How many of the positions (keyed and ordered by id) have an id in range. */
		long count(ConcurrentSkipListMap<Object, ?> byId) {
			NavigableMap<Object, ?> from = (this.lower != null) ? byId.tailMap(this.lower, this.lowerIncluded)
					: byId.tailMap("", true);
			NavigableMap<Object, ?> within = (this.upper != null) ? from.headMap(this.upper, this.upperIncluded) : from;
			return within.keySet().stream().filter(String.class::isInstance).count();
		}

	}

	private static @Nullable List<Object> lookupValues(Object condition) {
		if (condition instanceof Document operators) {
			if (operators.size() != 1) {
				return null;
			}
			if (operators.get("$eq") != null) {
				return lookupValues(operators.get("$eq"));
			}
			if (operators.get("$in") instanceof List<?> list) {
				List<Object> values = new ArrayList<>();
				for (Object value : list) {
					Object key = keyOf(value);
					if (key == null || key == ABSENT) {
						return null;
					}
					values.add(key);
				}
				return values;
			}
			return null;
		}
		Object key = keyOf(condition);
		return (key == null || key == ABSENT) ? null : List.of(key);
	}

	/** The lookup key for a value; null for values this index does not key (arrays, documents, patterns). */
	private static @Nullable Object keyOf(@Nullable Object value) {
		if (value == null || value instanceof de.bwaldvogel.mongo.backend.Missing) {
			return ABSENT;
		}
		if (value instanceof Number number) {
			return number.doubleValue(); // 1, 1L and 1.0 are the same to MongoDB
		}
		if (value instanceof String || value instanceof Boolean || value instanceof Date || value instanceof ObjectId
				|| value instanceof UUID || value instanceof java.time.Instant) {
			return value;
		}
		return null;
	}

	private @Nullable List<Object> keyOfDocument(Document document) {
		List<Object> key = new ArrayList<>(this.fields.size());
		for (String field : this.fields) {
			Object value;
			try {
				value = keyOf(Utils.getSubdocumentValue(document, field));
			}
			catch (RuntimeException ex) {
				return null; // a path through an array: offered for every query
			}
			if (value == null) {
				return null;
			}
			key.add(value);
		}
		return key;
	}

	@Override
	public void add(Document document, P position, MongoCollection<P> collection) {
		Object id = document.get("_id");
		List<Object> key = keyOfDocument(document);
		unfile(id);
		if (key == null) {
			this.unkeyed.put(id, position);
			this.filed.put(id, UNKEYED);
		}
		else {
			this.entries.computeIfAbsent(key, (k) -> new ConcurrentSkipListMap<>(ValueComparator.asc())).put(id, position);
			this.filed.put(id, key);
		}
	}

	@Override
	public @Nullable P remove(Document document) {
		return unfile(document.get("_id"));
	}

	private @Nullable P unfile(Object id) {
		List<Object> key = this.filed.remove(id);
		if (key == null) {
			return null;
		}
		if (key == UNKEYED) {
			return this.unkeyed.remove(id);
		}
		ConcurrentSkipListMap<Object, P> found = this.entries.get(key);
		P removed = (found != null) ? found.remove(id) : null;
		if (found != null && found.isEmpty()) {
			this.entries.remove(key, found);
		}
		return removed;
	}

	@Override
	public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
		remove(oldDocument);
		add(newDocument, position, collection);
	}

	@Override
	public @Nullable P getPosition(Document document) {
		return null;
	}

	@Override
	public void checkAdd(Document document, MongoCollection<P> collection) {
		// not unique: every document may be added
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
		// not unique: every change may be made
	}

	@Override
	public long getCount() {
		return this.unkeyed.size() + this.entries.values().stream().mapToLong(Map::size).sum();
	}

	@Override
	public long getDataSize() {
		return getCount();
	}

	@Override
	public void drop() {
		this.entries.clear();
		this.unkeyed.clear();
		this.filed.clear();
		this.siblings.remove(this);
	}

	/** The next position of one sorted source, waiting its turn in the merge. */
	private record Head<P>(Object id, P position, Iterator<Map.Entry<Object, P>> rest) {

		static <P> void next(Iterator<Map.Entry<Object, P>> source, PriorityQueue<Head<P>> heads) {
			if (source.hasNext()) {
				Map.Entry<Object, P> entry = source.next();
				heads.add(new Head<>(entry.getKey(), entry.getValue(), source));
			}
		}

	}

}
