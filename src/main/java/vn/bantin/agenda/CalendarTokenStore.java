package vn.bantin.agenda;

import java.util.List;

import vn.bantin.system.IssuedTokenStore;

interface CalendarTokenStore extends IssuedTokenStore<CalendarToken> {

	List<CalendarToken> findByCreatedByOrderByCreatedAtDescIdDesc(String createdBy);

}
