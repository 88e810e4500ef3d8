package cn.example.servicehall.agencies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * 住房和城乡建设局 网签备案: the housing authority's register of filed purchase contracts. Two registers of one system:
 * <ul>
 * <li>new houses (商品房买卖合同网签备案): a new-house loan names the filed contract; the hall checks that it exists, is
 * filed and names the buyer, the project (by its pre-sale permit) and the unit ({@link #filedContract});</li>
 * <li>second-hand houses (存量房买卖合同网签备案): the hall files the sale of a registered title for the parties
 * ({@link #fileResaleContract}), reads it back ({@link #resaleFiling}) and withdraws it (注销) when the sale is
 * cancelled ({@link #withdrawResaleFiling}).</li>
 * </ul>
 * One port for both because it is one agency's one system: one adapter, one outage ({@code HOUSING_AUTHORITY}). A
 * system that cannot answer throws {@link AgencyUnavailable}; one that says no, {@link AgencyRefused} with the reason
 * in words. Each change is idempotent by the caller's request key: a retry after a lost answer gets the first answer.
 */
public interface HousingAuthority {

	/** The filed contract with the filing number (网签备案号), if the housing authority knows one. */
	Optional<FiledContract> filedContract(String filingNo);

	/**
	 * Files the sale contract of a registered title (存量房买卖合同网签备案), or answers the filing this request key
	 * already made. Refused ({@link AgencyRefused}) when the registry knows no such title ({@code TITLE_UNKNOWN}), it
	 * is sealed ({@code TITLE_SEALED}) or mortgaged without the mortgagee's consent ({@code TITLE_MORTGAGED}), the
	 * sellers are not exactly its registered owners ({@code SELLER_NOT_OWNER}: every co-owner must sell), another sale
	 * of it is filed and in force ({@code ALREADY_FILED}), or the key was used for another contract
	 * ({@code KEY_ALREADY_USED}).
	 */
	ResaleFiling fileResaleContract(ResaleContract contract);

	/** The second-hand sale filing with the number, filed or withdrawn, if the housing authority knows it. */
	Optional<ResaleFiling> resaleFiling(String filingNo);

	/**
	 * Withdraws (注销) a second-hand sale filing because the sale is cancelled; a filing already withdrawn answers
	 * as it is (by this request key or an earlier one: {@link ResaleFiling#withdrawalKey()} says which). Refused when
	 * the filing is unknown ({@code FILING_NOT_IN_FORCE}) or the title has already moved to the buyers
	 * ({@code ALREADY_REGISTERED}: a registered transfer is undone only by a new sale, not by the housing authority).
	 */
	ResaleFiling withdrawResaleFiling(String filingNo, String requestKey, String reason);

	/**
	 * A party to a second-hand sale.
	 *
	 * @param name as on the ID card
	 * @param idNumber resident ID number
	 */
	record Party(String name, String idNumber) {
	}

	/**
	 * A second-hand sale contract to file.
	 *
	 * @param requestKey the caller's key, e.g. the case part's number: the same key files once
	 * @param certificateNo 不动产权证书号 of the title sold
	 * @param sellers 出卖人, every registered owner
	 * @param buyers 买受人, in the contract's order
	 * @param price 成交价 (合同总价), yuan, at most fen
	 * @param signedOn 签约日期
	 * @param mortgageeConsent the mortgagee's written consent (抵押权人同意书) to the sale of a mortgaged title, its
	 *     reference; null when the title is not mortgaged
	 */
	record ResaleContract(String requestKey, String certificateNo, List<Party> sellers, List<Party> buyers,
			BigDecimal price, LocalDate signedOn, String mortgageeConsent) {

		public ResaleContract {
			sellers = List.copyOf(sellers);
			buyers = List.copyOf(buyers);
		}

	}

	/**
	 * A filed second-hand sale contract.
	 *
	 * @param filingNo 存量房网签备案号
	 * @param requestKey the key that filed it
	 * @param certificateNo 不动产权证书号 of the title sold
	 * @param address 坐落, as the registry has it
	 * @param floorArea 建筑面积, m², as the registry has it
	 * @param sellers 出卖人
	 * @param buyers 买受人
	 * @param price 成交价, yuan
	 * @param signedOn 签约日期
	 * @param filedOn 备案日期
	 * @param status filed or withdrawn
	 * @param withdrawnOn 注销日期, null while filed
	 * @param withdrawalKey the request key that withdrew it, null while filed
	 * @param withdrawalReason why, in the caller's words
	 */
	record ResaleFiling(String filingNo, String requestKey, String certificateNo, String address, BigDecimal floorArea,
			List<Party> sellers, List<Party> buyers, BigDecimal price, LocalDate signedOn, LocalDate filedOn,
			FilingStatus status, LocalDate withdrawnOn, String withdrawalKey, String withdrawalReason) {

		public ResaleFiling {
			sellers = List.copyOf(sellers);
			buyers = List.copyOf(buyers);
		}

	}

	/** Whether the contract is in force. */
	enum FilingStatus {

		/** 已备案 */
		FILED,
		/** 已注销 (cancelled: the sale fell through or was replaced) */
		CANCELLED

	}

	/**
	 * A buyer on the contract.
	 *
	 * @param name as on the ID card
	 * @param idNumber resident ID number
	 */
	record Buyer(String name, String idNumber) {
	}

	/**
	 * A filed purchase contract.
	 *
	 * @param filingNo 网签备案号
	 * @param buyers 买受人, in the contract's order
	 * @param projectName 项目名称
	 * @param presalePermitNo 预售许可证号
	 * @param unitNo 房号
	 * @param floorArea 建筑面积, m² (null where the filing does not state it)
	 * @param price 合同总价, yuan
	 * @param filedOn 备案日期
	 * @param status filed or cancelled
	 */
	record FiledContract(String filingNo, List<Buyer> buyers, String projectName, String presalePermitNo, String unitNo,
			BigDecimal floorArea, BigDecimal price, LocalDate filedOn, FilingStatus status) {

		public FiledContract {
			buyers = List.copyOf(buyers);
		}

	}

}
