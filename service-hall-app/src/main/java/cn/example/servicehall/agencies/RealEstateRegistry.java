package cn.example.servicehall.agencies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** 不动产登记中心: the real-estate registry's database. */
public interface RealEstateRegistry {

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
