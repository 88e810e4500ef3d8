-- The dashboard's figures per bundle (一件事) read the clocks of bundle cases only: a small partial index finds those
-- cases without reading every case of the period.
create index intake_case_bundles on intake_case (case_no, service_variant) where service_type = 'BUNDLE';
