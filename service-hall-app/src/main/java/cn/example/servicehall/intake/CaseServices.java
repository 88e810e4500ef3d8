package cn.example.servicehall.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The services registered with intake ({@link CaseService} beans), by code. */
@Component
public class CaseServices {

	private final Map<ServiceType, CaseService> services = new LinkedHashMap<>();

	CaseServices(List<CaseService> services) {
		for (CaseService service : services) {
			CaseService earlier = this.services.put(service.type(), service);
			if (earlier != null) {
				throw new IllegalStateException("Service " + service.type() + " registered twice: " + earlier + ", "
						+ service);
			}
		}
	}

	/** The registered service of a code. */
	public Optional<CaseService> find(ServiceType type) {
		return Optional.ofNullable(this.services.get(type));
	}

	/** The registered service of a code; a case of a service the hall does not run is a defect. */
	public CaseService of(ServiceType type) {
		return find(type).orElseThrow(() -> new IllegalStateException("No service registered for " + type));
	}

	/** Every registered service, in registration order. */
	public List<CaseService> all() {
		return List.copyOf(this.services.values());
	}

	/** The service's name on pages; its code when the hall does not run it. */
	public String displayName(ServiceType type, Locale locale) {
		return find(type).map(s -> s.displayName(locale)).orElse(type.name());
	}

}
