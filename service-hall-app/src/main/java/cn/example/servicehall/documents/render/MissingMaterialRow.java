package cn.example.servicehall.documents.render;

/**
 * One material still missing (一次性告知书's list).
 * @param no the running number, {@code 1}
 * @param name {@code 婚姻状况证明}
 * @param requirement what exactly is needed and from where: {@code 民政部门出具的结婚证原件及复印件}
 */
public record MissingMaterialRow(String no, String name, String requirement) {
}
