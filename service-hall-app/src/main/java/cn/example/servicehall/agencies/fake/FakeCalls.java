package cn.example.servicehall.agencies.fake;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import cn.example.servicehall.agencies.AgencyUnavailable;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;

/**
 * How a fake system answers a call, as a system across the network would: not at all while it is down, in a
 * transaction of its own (what it did stays done even if the hall's transaction rolls back), and, for a change it
 * makes, possibly with the answer lost after the work was done.
 */
@Component
class FakeCalls {

	private final TransactionTemplate ownTransaction;

	private final FakeOutages outages;

	FakeCalls(PlatformTransactionManager transactions, FakeOutages outages) {
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.outages = outages;
	}

	/** A question: answered unless the system is down. */
	<T> T read(FakeSystem system, TransactionCallback<T> work) {
		this.outages.checkUp(system);
		return this.ownTransaction.execute(work);
	}

	/** A change (a booking, a payment, a message): done and committed, then its answer may be lost. */
	<T> T change(FakeSystem system, TransactionCallback<T> work) {
		this.outages.checkUp(system);
		T result = this.ownTransaction.execute(work);
		if (this.outages.answerLost(system)) {
			throw new AgencyUnavailable(system.name(), "read timed out after sending the order (simulated)");
		}
		return result;
	}

}
