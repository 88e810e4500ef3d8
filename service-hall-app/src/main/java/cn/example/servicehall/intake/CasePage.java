package cn.example.servicehall.intake;

import java.util.List;

/**
 * A page of cases and the number in all.
 *
 * @param items this page's cases
 * @param total how many cases match in all
 * @param page the page number, from 0
 * @param size the page size
 */
public record CasePage(List<CaseFile> items, long total, int page, int size) {
}
