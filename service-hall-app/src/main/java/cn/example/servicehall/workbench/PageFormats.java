package cn.example.servicehall.workbench;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.example.servicehall.intake.CaseServices;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.platform.money.Yuan;

/**
 * How the pages show times, money and ID numbers, used from the templates as {@code ${@show.time(...)}}. Times are
 * shown in the hall's time zone (the database hands them back in UTC); money with thousands separators and fen.
 */
@Component("show")
class PageFormats {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

	private static final String NOTHING = "—";

	private final ZoneId zone;

	private final CaseServices services;

	PageFormats(Clock clock, CaseServices services) {
		this.zone = clock.getZone();
		this.services = services;
	}

	/** A service's name in the page's language: {@code 二手房公积金贷款}. */
	public String service(ServiceType service) {
		return this.services.displayName(service, LocaleContextHolder.getLocale());
	}

	/** A moment to the minute, in the hall's time zone: {@code 2026-11-23 09:30}. */
	public String time(Object moment) {
		if (moment instanceof OffsetDateTime time) {
			return MINUTES.format(time.atZoneSameInstant(this.zone));
		}
		if (moment instanceof Instant instant) {
			return MINUTES.format(instant.atZone(this.zone));
		}
		if (moment instanceof Date date) {
			return MINUTES.format(date.toInstant().atZone(this.zone));
		}
		if (moment instanceof LocalDate day) {
			return DAY.format(day);
		}
		return NOTHING;
	}

	/** Yuan as the hall writes them everywhere ({@link Yuan#figures}), under a heading in 元: {@code 600,000.00}. */
	public String money(BigDecimal yuan) {
		return yuan == null ? NOTHING : Yuan.figures(yuan);
	}

	/** A number as it stands, without trailing zeros: {@code 2.6}. */
	public String plain(BigDecimal number) {
		return number == null ? NOTHING : number.stripTrailingZeros().toPlainString();
	}

	/** A share in per cent, {@code 45.0%}; a dash when there was nothing to share. */
	public String percent(java.util.Optional<BigDecimal> percent) {
		return percent.map(p -> p.toPlainString() + "%").orElse(NOTHING);
	}

	/** A number with its unit, {@code 1.8 工作日}; a dash when there is none. */
	public String amount(java.util.Optional<BigDecimal> value, String unit) {
		return value.map(v -> v.toPlainString() + " " + unit).orElse(NOTHING);
	}

	/** A resident ID number with the birth date hidden: {@code 410802********0313}. */
	public String masked(String idNumber) {
		if (idNumber == null || idNumber.length() != 18) {
			return idNumber == null ? NOTHING : idNumber;
		}
		return idNumber.substring(0, 6) + "********" + idNumber.substring(14);
	}

}
