package cn.example.servicehall.agencies;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** 不动产登记中心: the real-estate registry's database. */
public interface RealEstateRegistry {

	/** The registered title behind a certificate number, if there is one. */
	Optional<Title> titleOf(String certificateNo);

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
