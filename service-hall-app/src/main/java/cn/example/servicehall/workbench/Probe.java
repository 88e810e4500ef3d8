package cn.example.servicehall.workbench;

class Probe {
	Object m(cn.example.servicehall.loan.LoanCalculator c) {
		return c.quote(java.math.BigDecimal.TEN, 12, java.util.Optional.empty(), cn.example.servicehall.loan.calculation.RepaymentMethod.valueOf("EQUAL_INSTALMENT"), true);
	}
	Object n(cn.example.servicehall.platform.idempotency.IdempotentRequests r) { return r; }
}
