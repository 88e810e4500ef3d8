package cn.example.servicehall.agencies;

/** A system outside the hall did not answer (down, timeout, refused). Retry later; never a business outcome. */
public class AgencyUnavailable extends RuntimeException {

	private final String system;

	public AgencyUnavailable(String system, String message) {
		super(system + " is unavailable: " + message);
		this.system = system;
	}

	public AgencyUnavailable(String system, String message, Throwable cause) {
		super(system + " is unavailable: " + message, cause);
		this.system = system;
	}

	public String system() {
		return this.system;
	}

}
