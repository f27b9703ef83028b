package dev.hopper.core.task;

import dev.hopper.core.content.ContentKind;

/**
 * The stored file a task works on.
 *
 * @param blobKey server-generated object key
 * @param sha256 hex SHA-256 of the content
 * @param sizeBytes content length
 * @param kind what the bytes are, by their magic numbers
 * @param fileName the client's file name, sanitised, kept only as metadata
 */
public record Upload(String blobKey, String sha256, long sizeBytes, ContentKind kind, String fileName) {
}
