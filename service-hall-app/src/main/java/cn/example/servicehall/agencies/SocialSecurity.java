package cn.example.servicehall.agencies;

import java.time.LocalDate;
import java.util.Optional;

/** 社会保险: the social-security system, asked whether a person has retired (退休审批), for a retirement withdrawal. */
public interface SocialSecurity {

	/** The person's retirement, if social security has recorded one on or before the hall's date; else empty. */
	Optional<Retirement> retirementOf(String residentIdNumber);

	/**
	 * A retirement as social security recorded it.
	 *
	 * @param retiredOn the day the person retired
	 * @param certificateNo 退休证号
	 */
	record Retirement(LocalDate retiredOn, String certificateNo) {
	}

}
