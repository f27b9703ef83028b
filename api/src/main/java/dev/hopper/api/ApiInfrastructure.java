package dev.hopper.api;

import dev.hopper.storage.StorageConfiguration;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The adapters the api runs on. Apart from the main class, so a web slice test of a
 * controller starts without them and gives it test doubles of the ports instead.
 */
@Configuration(proxyBeanMethods = false)
@Import(StorageConfiguration.class)
class ApiInfrastructure {

}
