/** Object storage through the MinIO client (MinIO, S3, S3Proxy). */
@NullMarked
package dev.hopper.storage.s3;

import org.jspecify.annotations.NullMarked;
