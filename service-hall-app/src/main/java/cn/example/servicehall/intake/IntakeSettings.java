package cn.example.servicehall.intake;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hall's branches (网点) ({@code servicehall.intake}), the same on every hall node.
 *
 * @param branch the default branch: of the cases taken in by an officer whose account names no branch, on a request
 * that names none ({@link CaseBranches}); not the node's: any node serves every branch
 * @param branches every branch's name by code, as the managers' dashboard shows them
 */
@ConfigurationProperties("servicehall.intake")
public record IntakeSettings(@DefaultValue("HQ") String branch, Map<String, String> branches) {

	public IntakeSettings {
		branches = branches == null || branches.isEmpty() ? Map.of("HQ", "市民之家综合服务大厅") : Map.copyOf(branches);
		if (!branches.containsKey(branch)) {
			throw new IllegalArgumentException("servicehall.intake.branch " + branch
					+ " is not one of servicehall.intake.branches " + branches.keySet());
		}
	}

	/** Every branch's code, the default first, the others in order of their codes. */
	public java.util.List<String> codes() {
		java.util.List<String> codes = new java.util.ArrayList<>(this.branches.keySet().stream().sorted().toList());
		codes.remove(this.branch);
		codes.add(0, this.branch);
		return java.util.List.copyOf(codes);
	}

	/** The branch's name, or its code when it has none. */
	public String nameOf(String code) {
		return this.branches.getOrDefault(code, code);
	}

}
