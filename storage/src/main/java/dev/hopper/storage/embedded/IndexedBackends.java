package dev.hopper.storage.embedded;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/**
 * The embedded MongoDB's backends (in memory, or in an H2 file) with {@link EqualityIndex}
 * for every non-unique index the application creates, where they would otherwise keep none.
 * An index lives in memory and is rebuilt from the documents when the file is opened again.
 * Aggregations that begin with a filter read through the same indexes ({@link IndexedAggregations}).
 */
final class IndexedBackends {

	private IndexedBackends() {
	}

	static MongoBackend inMemory() {
		return new MemoryBackend() {

			@Override
			public MemoryDatabase openOrCreateDatabase(String name) {
				return new MemoryDatabase(name, getCursorRegistry()) {

					// set on first use: the database opens its stored indexes from its own constructor
					private Siblings<Integer> siblings;

					@Override
					public Document handleCommand(Channel channel, String command, Document query,
							DatabaseResolver resolver, Oplog oplog) {
						return IndexedAggregations.answer(this, command, query, resolver, oplog)
							.orElseGet(() -> super.handleCommand(channel, command, query, resolver, oplog));
					}

					@Override
					protected MemoryCollection openOrCreateCollection(String collection, CollectionOptions options) {
						return new MemoryCollection(this, collection, options, this.cursorRegistry) {

							@Override
							protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit,
									int batchSize, Document fieldSelector) {
								return IndexedCollections.firstMatches(getIndexes(), query, orderBy, skip, limit,
										this::getDocument, this::documentMatchesQuery)
									.map((page) -> matchDocumentsFromStream(page.stream(), query, orderBy, skip, limit,
											batchSize, fieldSelector))
									.orElseGet(() -> super.queryDocuments(query, orderBy, skip, limit, batchSize,
											fieldSelector));
							}

							@Override
							public int count(Document query, int skip, int limit) {
								return IndexedCollections.count(getIndexes(), query, skip, limit, this::getDocument,
										this::documentMatchesQuery)
									.orElseGet(() -> super.count(query, skip, limit));
							}

						};
					}

					@Override
					protected Index<Integer> openOrCreateSecondaryIndex(String collection, String index,
							List<IndexKey> keys, boolean sparse) {
						if (this.siblings == null) {
							this.siblings = new Siblings<>();
						}
						return this.siblings.index(collection, index, keys, sparse);
					}

				};
			}

		};
	}

	static MongoBackend inFile(String path) {
		return new H2Backend(path) {

			@Override
			protected de.bwaldvogel.mongo.MongoDatabase openOrCreateDatabase(String name) {
				return new H2Database(name, getMvStore(), getCursorRegistry()) {

					// set on first use: the database opens its stored indexes from its own constructor
					private Siblings<Object> siblings;

					@Override
					public Document handleCommand(Channel channel, String command, Document query,
							DatabaseResolver resolver, Oplog oplog) {
						return IndexedAggregations.answer(this, command, query, resolver, oplog)
							.orElseGet(() -> super.handleCommand(channel, command, query, resolver, oplog));
					}

					@Override
					protected MongoCollection<Object> openOrCreateCollection(String collection,
							CollectionOptions options) {
						// as H2Database names its maps
						String namespace = getFullCollectionNamespace(collection);
						return new H2Collection(this, collection, options, getMvStore().openMap("databases." + namespace),
								getMvStore().openMap("meta." + namespace), this.cursorRegistry) {

							@Override
							protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit,
									int batchSize, Document fieldSelector) {
								return IndexedCollections.firstMatches(getIndexes(), query, orderBy, skip, limit,
										this::getDocument, this::documentMatchesQuery)
									.map((page) -> matchDocumentsFromStream(page.stream(), query, orderBy, skip, limit,
											batchSize, fieldSelector))
									.orElseGet(() -> super.queryDocuments(query, orderBy, skip, limit, batchSize,
											fieldSelector));
							}

							@Override
							public int count(Document query, int skip, int limit) {
								return IndexedCollections.count(getIndexes(), query, skip, limit, this::getDocument,
										this::documentMatchesQuery)
									.orElseGet(() -> super.count(query, skip, limit));
							}

						};
					}

					@Override
					protected Index<Object> openOrCreateSecondaryIndex(String collection, String index,
							List<IndexKey> keys, boolean sparse) {
						if (this.siblings == null) {
							this.siblings = new Siblings<>();
						}
						return this.siblings.index(collection, index, keys, sparse);
					}

				};
			}

		};
	}

	/** The indexes of each collection of one database, which choose among themselves. */
	private static final class Siblings<P> {

		private final Map<String, List<EqualityIndex<P>>> byCollection = new ConcurrentHashMap<>();

		EqualityIndex<P> index(String collection, String name, List<IndexKey> keys, boolean sparse) {
			return new EqualityIndex<>(name, keys, sparse,
					this.byCollection.computeIfAbsent(collection, (c) -> EqualityIndex.newSiblings()));
		}

	}

}
