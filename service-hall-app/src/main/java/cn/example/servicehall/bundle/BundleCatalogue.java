package cn.example.servicehall.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import cn.example.servicehall.intake.CaseService;

/**
 * 一件事一次办的目录: every bundle the hall offers, one file each ({@code classpath:bundles/*.yml}, or
 * {@code servicehall.bundles.location}), read and checked when the hall starts, once every service has registered
 * with intake ({@link CaseService}). A file with a mistake stops the start with a message naming the file, the line
 * and the key ({@link BundleCatalogueException}). Listed with the bundles that may be applied for first, then by code.
 */
@Component
public class BundleCatalogue implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(BundleCatalogue.class);

	private final ObjectProvider<CaseService> services;

	private final String location;

	private volatile List<Bundle> bundles = List.of();

	private final String models;

	BundleCatalogue(ObjectProvider<CaseService> services,
			@Value("${servicehall.bundles.location:classpath:bundles/*.yml}") String location,
			@Value("${servicehall.bundles.models:classpath*:bpmn/**/*.bpmn}") String models) {
		this.services = services;
		this.location = location;
		this.models = models;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Map<String, Set<String>> known = new LinkedHashMap<>();
		this.services.orderedStream()
			.forEach(service -> known.put(service.type().name(), service.variants(Locale.ROOT).keySet()));
		CatalogueReader.Services directory = code -> Optional.ofNullable(known.get(code));
		Map<String, Bundle> read = new LinkedHashMap<>();
		BundleModels parents = BundleModels.read(this.models);
		for (Resource resource : resources()) {
			String file = resource.getFilename();
			String content = content(resource);
			Bundle bundle = CatalogueReader.read(file, content, directory);
			parents.check(bundle, content);
			Bundle earlier = read.putIfAbsent(bundle.code(), bundle);
			if (earlier != null) {
				throw new BundleCatalogueException(file, 1, "code",
						"bundle " + bundle.code() + " is already described by " + earlier.file());
			}
		}
		List<Bundle> sorted = new ArrayList<>(read.values());
		sorted.sort(Comparator.comparing((Bundle b) -> !b.available()).thenComparing(Bundle::code));
		this.bundles = List.copyOf(sorted);
		log.info("Bundle catalogue: {} bundles from {}, {} may be applied for", sorted.size(), this.location,
				sorted.stream().filter(Bundle::available).count());
	}

	/** Every bundle, those that may be applied for first. */
	public List<Bundle> all() {
		return this.bundles;
	}

	/** A bundle by its code. */
	public Optional<Bundle> find(String code) {
		return this.bundles.stream().filter(b -> b.code().equals(code)).findFirst();
	}

	private Resource[] resources() {
		try {
			Resource[] found = new PathMatchingResourcePatternResolver().getResources(this.location);
			java.util.Arrays.sort(found, Comparator.comparing(Resource::getFilename));
			return found;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Bundle catalogue not readable at " + this.location, ex);
		}
	}

	private static String content(Resource resource) {
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Bundle catalogue file not readable: " + resource, ex);
		}
	}

}
