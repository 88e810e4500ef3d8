package cn.example.servicehall.agencies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * 住房和城乡建设局 网签备案: the housing authority's register of filed purchase contracts (商品房买卖合同网签备案). A
 * new-house loan names the filed contract; the hall checks that it exists, is filed and names the buyer, the project
 * (by its pre-sale permit) and the unit. A system that cannot answer throws {@link AgencyUnavailable}.
 */
public interface HousingAuthority {

	/** The filed contract with the filing number (网签备案号), if the housing authority knows one. */
	Optional<FiledContract> filedContract(String filingNo);

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
