-- Demo data for a second-hand sale (二手房买卖 + 公积金贷款): two flats ready to be sold and filed. Fictitious people,
-- ID numbers with valid check characters. The buyers are the demo couple 张伟 and 李娜 (no home in the city: their
-- only home) or 陈静 (one home: a second home); 孙红's mortgaged flat and 王强's sealed one show the refusals.
insert into fake_registry_title (certificate_no, address, floor_area, build_year, owner_names, sealed, mortgaged) values
('豫(2020)焦作市不动产权第0091234号', '焦作市山阳区新华街 66 号 2 幢 1 单元 902 室', 128.00, 2015, '马国栋', false, false),
('豫(2021)焦作市不动产权第0092345号', '焦作市解放区建设路 300 号 6 幢 1 单元 1801 室', 146.20, 2019, '何秀兰,林志远', false, false);

insert into fake_registry_owner (certificate_no, id_no, registered_on) values
('豫(2020)焦作市不动产权第0091234号', '410802197503120616', date '2020-08-17'),   -- 马国栋
('豫(2021)焦作市不动产权第0092345号', '41080819880915052X', date '2021-10-09'),   -- 何秀兰
('豫(2021)焦作市不动产权第0092345号', '41080219900722081X', date '2021-10-09');   -- 林志远, co-owner
