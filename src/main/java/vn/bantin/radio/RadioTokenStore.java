package vn.bantin.radio;

import vn.bantin.system.IssuedTokenStore;

interface RadioTokenStore extends IssuedTokenStore<RadioToken> {

}
