package cn.example.servicehall.agencies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** 不动产登记中心: the real-estate registry's database. */
public interface RealEstateRegistry {

	/**
	 * 转移登记 + 抵押登记 合并办理: in one registration, the title of a filed sale moves to its buyers under a new
	 * certificate number (不动产权证书号) and the fund centre's mortgage is registered on it (不动产登记证明号); the
	 * same request key answers the registration it already made. Refused ({@link AgencyRefused}) when the filing is
	 * unknown or withdrawn ({@code FILING_NOT_IN_FORCE}), the sale's deed tax is not paid ({@code DEED_TAX_NOT_PAID}:
	 * the registry asks the tax bureau), the title is sealed ({@code TITLE_SEALED}) or still mortgaged
	 * ({@code TITLE_MORTGAGED}: the old mortgage must be released first), the sale is already registered under
	 * another key ({@code ALREADY_REGISTERED}), or the key was used for another registration
	 * ({@code KEY_ALREADY_USED}).
	 */
	TransferRegistration registerTransferWithMortgage(TransferWithMortgage request);

	/**
	 * 转移登记 alone: the title of a filed sale moves to its buyers under a new certificate number, with no mortgage
	 * (the buyers paid with their own funds); the same request key answers the registration it already made. Refused as
	 * {@link #registerTransferWithMortgage} is ({@code FILING_NOT_IN_FORCE}, {@code DEED_TAX_NOT_PAID},
	 * {@code TITLE_SEALED}, {@code TITLE_MORTGAGED}, {@code ALREADY_REGISTERED}, {@code KEY_ALREADY_USED}). The
	 * answer's mortgage fields are null.
	 */
	TransferRegistration registerTransfer(TransferAlone request);

	/**
	 * A transfer registration without a mortgage.
	 *
	 * @param requestKey the caller's key: the same key registers once
	 * @param filingNo the sale's 存量房网签备案号
	 */
	record TransferAlone(String requestKey, String filingNo) {
	}

	/**
	 * A combined transfer and mortgage registration to make.
	 *
	 * @param requestKey the caller's key, e.g. the case part's number: the same key registers once
	 * @param filingNo the sale's 存量房网签备案号 (the title, sellers and buyers come from it)
	 * @param mortgagee 抵押权人, e.g. the fund centre
	 * @param loanContractNo 借款合同号 of the loan the mortgage secures
	 * @param securedAmount 被担保主债权数额, yuan
	 */
	record TransferWithMortgage(String requestKey, String filingNo, String mortgagee, String loanContractNo,
			BigDecimal securedAmount) {
	}

	/**
	 * A registered transfer with its mortgage.
	 *
	 * @param requestKey the key that registered it
	 * @param filingNo the sale's filing
	 * @param previousCertificateNo the sellers' certificate, cancelled (注销)
	 * @param certificateNo 不动产权证书号, the buyers' new certificate
	 * @param mortgageCertificateNo 不动产登记证明号 (抵押权), the mortgagee's; null for a transfer alone
	 * @param ownerNames 权利人, the buyers
	 * @param mortgagee 抵押权人; null for a transfer alone
	 * @param securedAmount 被担保主债权数额, yuan; null for a transfer alone
	 * @param registeredOn 登簿日期
	 */
	record TransferRegistration(String requestKey, String filingNo, String previousCertificateNo, String certificateNo,
			String mortgageCertificateNo, List<String> ownerNames, String mortgagee, BigDecimal securedAmount,
			LocalDate registeredOn) {

		public TransferRegistration {
			ownerNames = List.copyOf(ownerNames);
		}

	}

	/** The registered title behind a certificate number, if there is one. */
	Optional<Title> titleOf(String certificateNo);

	/** The homes registered in the city to the person (by ID number), oldest registration first; none: empty. */
	List<OwnedHome> homesOwnedBy(String residentIdNumber);

	/**
	 * The homes registered in the city to the person or their spouse (by ID number; null for none), oldest first; a
	 * home both own is there once for each, as {@link OwnedHome#ownerIdNumber()} says whose.
	 */
	default List<OwnedHome> homesOwnedByFamily(String residentIdNumber, String spouseIdNumber) {
		List<OwnedHome> homes = new ArrayList<>(homesOwnedBy(residentIdNumber));
		if (spouseIdNumber != null && !spouseIdNumber.equals(residentIdNumber)) {
			homes.addAll(homesOwnedBy(spouseIdNumber));
		}
		homes.sort(java.util.Comparator.comparing(OwnedHome::registeredOn));
		return List.copyOf(homes);
	}

	/**
	 * A home registered to a person.
	 *
	 * @param certificateNo 不动产权证书号
	 * @param address 坐落
	 * @param floorArea 建筑面积, m²
	 * @param ownerIdNumber whose ownership this is
	 * @param registeredOn when the ownership was registered (登簿日期)
	 * @param mortgaged 抵押
	 */
	record OwnedHome(String certificateNo, String address, BigDecimal floorArea, String ownerIdNumber,
			LocalDate registeredOn, boolean mortgaged) {
	}

	/**
	 * A registered title.
	 *
	 * @param certificateNo 不动产权证书号
	 * @param registryRef the registry's reference for this query
	 * @param address 坐落
	 * @param floorArea 建筑面积, m²
	 * @param buildYear year of construction
	 * @param ownerNames 权利人
	 * @param sealed 查封
	 * @param mortgaged 抵押 (an existing mortgage)
	 */
	record Title(String certificateNo, String registryRef, String address, BigDecimal floorArea, int buildYear,
			List<String> ownerNames, boolean sealed, boolean mortgaged) {
	}

}
