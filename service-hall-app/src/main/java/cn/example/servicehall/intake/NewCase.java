package cn.example.servicehall.intake;

import java.util.Optional;

/**
 * What opening a case needs.
 *
 * @param serviceType what is applied for
 * @param channel where it came in
 * @param applicantName the applicant's name
 * @param applicantIdNumber the applicant's resident ID number
 * @param developerCompanyId the submitting developer, for online applications by a sales office
 * @param serviceVariant the service's variant, if it has them (a withdrawal's type, {@code RETIREMENT}), by which
 * the dashboard counts cases under their service ({@link CaseService#variants})
 */
public record NewCase(ServiceType serviceType, Channel channel, String applicantName,
		ResidentIdNumber applicantIdNumber, Optional<String> developerCompanyId, Optional<String> serviceVariant) {

	/** A case of a service without variants. */
	public NewCase(ServiceType serviceType, Channel channel, String applicantName, ResidentIdNumber applicantIdNumber,
			Optional<String> developerCompanyId) {
		this(serviceType, channel, applicantName, applicantIdNumber, developerCompanyId, Optional.empty());
	}

}
