package cn.example.servicehall.intake;

/** Where an application came in. */
public enum Channel {

	/** 窗口: at a window of the hall. */
	WINDOW,
	/** 网厅: online, e.g. by a developer's sales office. */
	ONLINE

}
