package cn.example.servicehall.intake;

import java.util.Objects;

/**
 * What a case applies for, by its code ({@code RESALE_LOAN}). The hall's services are not listed here: each
 * registers itself with a {@link CaseService}, so a new service is a new package. The constants name the codes that
 * modules below the services (the SLA limits, the history generator) refer to.
 *
 * @param name the service's code, as kept in {@code intake_case.service_type}
 */
public record ServiceType(String name) {

	/** 二手房公积金贷款. */
	public static final ServiceType RESALE_LOAN = new ServiceType("RESALE_LOAN");

	/** 新房公积金贷款 (submitted by developer sales offices). */
	public static final ServiceType NEW_HOUSE_LOAN = new ServiceType("NEW_HOUSE_LOAN");

	/** 公积金提取 (planned). */
	public static final ServiceType WITHDRAWAL = new ServiceType("WITHDRAWAL");

	/** 一件事一次办 (the bundle module: one service for every bundle of the catalogue, ADR 0009). */
	public static final ServiceType BUNDLE = new ServiceType("BUNDLE");

	public ServiceType {
		Objects.requireNonNull(name);
		if (!name.matches("[A-Z][A-Z0-9_]{1,39}")) {
			throw new IllegalArgumentException("Not a service code: " + name);
		}
	}

	/** The service of a code (as configuration and the records spell it). */
	public static ServiceType valueOf(String name) {
		return new ServiceType(name);
	}

	@Override
	public String toString() {
		return this.name;
	}

}
