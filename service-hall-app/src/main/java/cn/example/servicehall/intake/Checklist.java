package cn.example.servicehall.intake;

import java.util.List;
import java.util.Optional;

import cn.example.servicehall.intake.MissingMaterialsNotified.Material;

/**
 * 材料清单: what the acceptance clerk checks at the window for one case, in order, and how each material is presented,
 * as the acceptance receipt lists it and the one-time notice explains it. Every item is checked each time, so one
 * notice can list everything missing (一次性告知).
 *
 * @param items the materials in the order the clerk goes through them
 */
public record Checklist(List<Item> items) {

	public Checklist {
		items = List.copyOf(items);
	}

	/** No materials at the window. */
	public static Checklist none() {
		return new Checklist(List.of());
	}

	/**
	 * A material and how it is presented.
	 * @param material its code and name
	 * @param form 原件, 复印件 or both
	 * @param copies how many
	 * @param requirement what exactly is asked for
	 */
	public record Item(Material material, String form, String copies, String requirement) {
	}

	/** The materials, in order. */
	public List<Material> materials() {
		return this.items.stream().map(Item::material).toList();
	}

	/** The item of a material's code. */
	public Optional<Item> item(String code) {
		return this.items.stream().filter(i -> i.material().code().equals(code)).findFirst();
	}

	public boolean isEmpty() {
		return this.items.isEmpty();
	}

}
