package vn.bantin.account;

import java.util.List;

import vn.bantin.system.IssuedTokenStore;

interface ApiTokenStore extends IssuedTokenStore<ApiToken> {

	List<ApiToken> findByUserUsernameOrderByCreatedAtDescIdDesc(String username);

}
