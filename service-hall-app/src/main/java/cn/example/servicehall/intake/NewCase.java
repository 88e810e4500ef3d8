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
 */
public record NewCase(ServiceType serviceType, Channel channel, String applicantName,
		ResidentIdNumber applicantIdNumber, Optional<String> developerCompanyId) {
}
