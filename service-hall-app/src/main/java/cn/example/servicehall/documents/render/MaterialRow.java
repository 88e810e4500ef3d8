package cn.example.servicehall.documents.render;

/**
 * One material received with an application (受理回执's list).
 * @param no the running number, {@code 1}
 * @param name {@code 借款人及配偶身份证}
 * @param form {@code 原件及复印件}
 * @param copies {@code 1份}
 */
public record MaterialRow(String no, String name, String form, String copies) {
}
