package cn.example.servicehall.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The services registered with intake ({@link CaseService} beans), by code. Looked up when first asked, so that a
 * service may use intake's own beans ({@link CaseFiles}) without a cycle.
 */
@Component
public class CaseServices {

	private final ObjectProvider<CaseService> provider;

	private final MessageSource messages;

	private volatile Map<ServiceType, CaseService> registered;

	CaseServices(ObjectProvider<CaseService> provider, MessageSource messages) {
		this.provider = provider;
		this.messages = messages;
	}

	private Map<ServiceType, CaseService> services() {
		Map<ServiceType, CaseService> services = this.registered;
		if (services == null) {
			services = new LinkedHashMap<>();
			for (CaseService service : this.provider.orderedStream().toList()) {
				CaseService earlier = services.put(service.type(), service);
				if (earlier != null) {
					throw new IllegalStateException("Service " + service.type() + " registered twice: " + earlier
							+ ", " + service);
				}
			}
			this.registered = services;
		}
		return services;
	}

	/** The registered service of a code. */
	public Optional<CaseService> find(ServiceType type) {
		return Optional.ofNullable(services().get(type));
	}

	/** The registered service of a code; a case of a service the hall does not run is a defect. */
	public CaseService of(ServiceType type) {
		return find(type).orElseThrow(() -> new IllegalStateException("No service registered for " + type));
	}

	/** Every registered service, in registration order. */
	public List<CaseService> all() {
		return List.copyOf(services().values());
	}

	/**
	 * A status by its name: a lifecycle status ({@code IN_PROGRESS}) or a registered service's stage
	 * ({@code APPROVED}), as lists filter by it.
	 */
	public Optional<CaseStage> stageNamed(String name) {
		for (CaseStatus status : CaseStatus.values()) {
			if (status.name().equals(name)) {
				return Optional.of(status);
			}
		}
		return services().values()
			.stream()
			.flatMap(service -> service.stages().stream())
			.filter(stage -> stage.name().equals(name))
			.map(stage -> (CaseStage) stage)
			.findFirst();
	}

	/**
	 * The service's name on pages; for a service the hall does not run (a generated history's), its name in the
	 * messages ({@code service.WITHDRAWAL}), else its code.
	 */
	public String displayName(ServiceType type, Locale locale) {
		return find(type).map(s -> s.displayName(locale))
			.orElseGet(() -> this.messages.getMessage("service." + type.name(), null, type.name(), locale));
	}

	/** A variant's name on pages (a withdrawal's type, 离休、退休提取); its code if the service does not name it. */
	public String variantName(ServiceType type, String variant, Locale locale) {
		return find(type).map(s -> s.variants(locale).get(variant)).orElse(variant);
	}

	/** A service's variants in its order ({@link CaseService#variants}); none for a service the hall does not run. */
	public List<String> variantsOf(ServiceType type) {
		return find(type).map(s -> List.copyOf(s.variants(Locale.ROOT).keySet())).orElse(List.of());
	}

}
